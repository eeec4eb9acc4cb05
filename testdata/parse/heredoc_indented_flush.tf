a = <<-EOT
    hello
      indented more
    world
    EOT
