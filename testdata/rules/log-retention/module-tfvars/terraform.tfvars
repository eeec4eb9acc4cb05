services = {
  api = 30
  # "keep everything for the auditors"
  billing = 0
}
