ingress {
  port = 80
}
ingress {
  port = 443
}
ingress {
  port = 22
}
