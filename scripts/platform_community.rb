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

# Plan payments get an automatic receipt number on a real deployment ('SI' and a sequence from 1000,
# made by the platform's migrations); the db/schema.rb the kit loads has lost that column default, so
# every receipt number would be empty ("Receipt #" blank, the dashboard's "-").
conn = ActiveRecord::Base.connection
default = conn.select_value(
  "SELECT column_default FROM information_schema.columns " \
  "WHERE table_name = 'plan_payments' AND column_name = 'automated_receipt_number'"
)
if default.to_s.include?("automated_receipt_numbers_seq")
  puts "platform set-up: plan payments already get automatic receipt numbers"
else
  conn.execute("CREATE SEQUENCE IF NOT EXISTS automated_receipt_numbers_seq START 1000 " \
               "OWNED BY plan_payments.automated_receipt_number")
  conn.execute("ALTER TABLE plan_payments ALTER COLUMN automated_receipt_number " \
               "SET DEFAULT 'SI'||nextval('automated_receipt_numbers_seq'::regclass)")
  puts "platform set-up: plan payments get automatic receipt numbers (SI and a sequence from 1000)"
end
