"""`prodready rollback check|run`: blockers between the current and previous deployments."""

from __future__ import annotations


def _ship(project, files):
    """Merge a change and deploy it as 1.5.0: it becomes current, 1.4.9 previous."""
    project.merge(40, "Shifts table", files=files)
    return project.deploy(ref="1.5.0")


def test_check_names_a_migration_as_blocker(cli, project):
    current = _ship(project, {"db/migrate/20261125_add_shift_notes.rb": "added", "app/models/shift.rb": "modified"})
    result = cli("rollback", "check", "--json")
    assert result.code == 1
    data = result.json()
    assert data["verdict"] == "BLOCKED"
    assert data["current"] == {**data["current"], "sha": current["sha"], "ref": "1.5.0", "deployment_id": current["id"]}
    previous = project.deployments[1]
    assert data["previous"] == {
        **data["previous"],
        "sha": previous["sha"],
        "ref": "1.4.9",
        "deployment_id": previous["id"],
    }
    assert [b["path"] for b in data["blockers"]] == ["db/migrate/20261125_add_shift_notes.rb"]
    assert data["blockers"][0]["pattern"] == "db/migrate/**"
    human = cli("rollback", "check")
    assert "db/migrate/20261125_add_shift_notes.rb" in human.out and "Verdict: BLOCKED" in human.out


def test_check_is_safe_without_schema_changes(cli, project):
    _ship(project, {"app/views/logbook.html.erb": "modified"})
    result = cli("rollback", "check", "--json")
    assert result.code == 0
    assert result.json()["verdict"] == "SAFE" and result.json()["blockers"] == []
    compare = project.fake.calls("GET", r"/repository/compare$")[-1]
    assert compare.query["straight"] == "true"


def test_check_uses_the_configured_globs(cli, project, write_config):
    write_config(rollback_blocking_paths=["config/credentials/*"])
    _ship(project, {"db/schema.rb": "modified", "config/credentials/production.yml.enc": "modified"})
    data = cli("rollback", "check", "--json").json()
    assert [b["path"] for b in data["blockers"]] == ["config/credentials/production.yml.enc"]


def test_a_redeploy_of_the_same_code_is_not_the_previous_version(cli, project):
    _ship(project, {"db/structure.sql": "modified"})
    project.deploy(ref="1.5.0")  # the same sha deployed again (a retried job)
    data = cli("rollback", "check", "--json").json()
    assert data["previous"]["ref"] == "1.4.9"
    assert [b["path"] for b in data["blockers"]] == ["db/structure.sql"]


def test_no_previous_deployment_is_not_found(cli, fake):
    p = fake.add_project()
    p.commit("Initial platform")
    p.deploy(ref="1.0.0")
    result = cli("rollback", "check")
    assert result.code == 4
    assert "nothing to roll back to" in result.err


def test_run_needs_yes(cli, project):
    _ship(project, {"app/x.rb": "modified"})
    result = cli("rollback", "run")
    assert result.code == 2 and "--yes" in result.err
    assert not project.fake.requests


def test_run_is_refused_while_blocked(cli, project):
    _ship(project, {"db/migrate/20261125_add_shift_notes.rb": "added"})
    result = cli("rollback", "run", "--yes")
    assert result.code == 1
    assert "Rollback refused" in result.out and "--force" in result.out
    assert not project.fake.calls("POST")


def test_run_retries_the_previous_deploy_job_and_prints_its_url(cli, project):
    _ship(project, {"app/x.rb": "modified"})
    previous_job = project.deployments[1]["deployable"]["id"]
    result = cli("rollback", "run", "--yes")
    assert result.code == 0
    retries = project.fake.calls("POST", r"/retry$")
    assert [r.path for r in retries] == [f"/projects/13905080/jobs/{previous_job}/retry"]
    new_job = max(project.jobs)
    assert f"{project.web_url}/-/jobs/{new_job}" in result.out


def test_run_with_force_redeploys_despite_blockers(cli, project):
    _ship(project, {"db/migrate/20261125_add_shift_notes.rb": "added"})
    data = cli("rollback", "run", "--yes", "--force", "--json").json()
    assert data["verdict"] == "BLOCKED"
    assert data["job"]["web_url"] == f"{project.web_url}/-/jobs/{data['job']['id']}"
    assert len(project.fake.calls("POST", r"/retry$")) == 1


def test_run_refuses_a_job_that_is_not_the_deploy_job(cli, project):
    project.deployments[1]["deployable"]["name"] = "manual-hotfix"
    _ship(project, {"app/x.rb": "modified"})
    result = cli("rollback", "run", "--yes")
    assert result.code == 2 and "manual-hotfix" in result.err
    assert not project.fake.calls("POST")


def test_an_incomplete_comparison_is_never_safe(cli, project):
    _ship(project, {"app/x.rb": "modified"})
    project.compare_timeout = True
    result = cli("rollback", "check", "--json")
    assert result.code == 1
    (blocker,) = result.json()["blockers"]
    assert "timed out" in blocker["reason"]


def test_previous_version_found_beyond_the_first_page(cli, project):
    current = _ship(project, {"db/migrate/20261125_add_shift_notes.rb": "added"})
    for _ in range(105):  # many redeploys of the same code push 1.4.9 to page 2
        project.deploy(current["sha"], ref="1.5.0")
    data = cli("rollback", "check", "--json").json()
    assert data["previous"]["ref"] == "1.4.9"
    pages = project.fake.calls("GET", r"/deployments$")
    assert [r.query.get("page", "1") for r in pages] == ["1", "2"]
