variable "a" {
  type = string
}

variable "b" {
  type = string
}

locals {
  # Text around or between interpolations: a real template.
  joined   = "${var.a}-${var.b}"
  prefixed = "ami-${var.a}"
  suffixed = "${var.a}/"
  # Strip markers and directives are written on purpose.
  stripped  = "${~ var.a ~}"
  directive = "%{if var.a != ""}${var.a}%{endif}"
  each      = "%{for s in [var.a, var.b]}${s}%{endfor}"
  # A heredoc always ends in a newline.
  heredoc = <<EOT
${var.a}
EOT
  plain = var.a
  empty = ""
  text  = "no interpolation"
  # An escaped interpolation is literal text.
  escaped = "$${var.a}"
}
