c = <<-EOT
    %{ if true ~}
    body
    %{ endif ~}
    tail
    EOT
