repositories = {
  api = {}
  # CI pushes :latest on every merge.
  web = { mutability = "MUTABLE" }
}
