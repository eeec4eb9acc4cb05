resource "x" "y" {
  name = "a"
  size = 1
  name = "b"
}
