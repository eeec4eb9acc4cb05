a = <<my-marker
body
my-marker
