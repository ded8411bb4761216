# The community settings a real community has and the kit's seeded "DoubleGDP" lacks: run by
# scripts/platform.sh with `bin/rails runner` in the kit's work dir (the platform's GraphQL cannot set
# the timezone: communityUpdate has no such argument). Prints each change; changes nothing the second time.
wanted = {
  "timezone" => "Africa/Lusaka",   # the production page's community: deploys at 10:00 CAT
  "currency" => "zambian_kwacha",  # the platform's own test community (its Cypress factory)
  "locale" => "en-ZM",
}
community = Community.first
abort("platform set-up: the platform has no community") unless community
changes = wanted.reject { |field, value| community.public_send(field) == value }
if changes.empty?
  puts "platform set-up: community #{community.name}: timezone, currency and locale already set"
else
  community.update!(changes)
  changes.each { |field, value| puts "platform set-up: community #{community.name}: #{field} set to #{value}" }
end
