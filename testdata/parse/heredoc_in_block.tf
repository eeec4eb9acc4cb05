resource "x" "y" {
  script = <<-EOT
    #!/bin/sh
    echo hi
  EOT
  other = 1
}
