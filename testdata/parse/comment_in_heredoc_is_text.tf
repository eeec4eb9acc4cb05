a = <<EOT
# stays
/* stays */
EOT
# real comment
