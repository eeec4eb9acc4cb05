resource "a" "b" {
  count = var.create ? 1 : 0
  name  = var.name != "" ? var.name : "default-${count.index}"
}
