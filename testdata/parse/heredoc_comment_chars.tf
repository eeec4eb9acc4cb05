a = <<EOT
# not a comment
// not a comment
/* not a comment */
EOT
