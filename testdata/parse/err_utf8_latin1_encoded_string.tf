resource "x" "y" {
  name = "café"
}
