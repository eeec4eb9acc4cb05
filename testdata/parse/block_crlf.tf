resource "x" "y" {
  a = 1
  inner {
  }
}
