variable "name" {
  type    = string
  default = "win"
}

resource "null_resource" "x" {
  triggers = {
    name = var.name
    script = <<-EOT
      echo ${var.name}
    EOT
  }
}
