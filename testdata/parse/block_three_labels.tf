thing "a" "b" "c" {
  x = 1
}
