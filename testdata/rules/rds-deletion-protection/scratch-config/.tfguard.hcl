environment "scratch" {
  root = "."
  tier = "development"
}
