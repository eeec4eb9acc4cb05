run "owner_is_kept" {
  command = plan

  variables {
    owner = "team-b"
  }

  assert {
    condition     = var.owner == "team-b"
    error_message = "owner was not passed through"
  }
}
