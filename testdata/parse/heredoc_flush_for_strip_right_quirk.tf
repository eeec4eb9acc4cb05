a = <<-EOT
    %{ for s in var.servers ~}
    server ${s}
    %{ endfor ~}
    EOT
