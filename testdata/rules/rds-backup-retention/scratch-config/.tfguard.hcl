# A root whose name says nothing, declared a development environment.
environment "scratch" {
  root = "."
  tier = "development"
}
