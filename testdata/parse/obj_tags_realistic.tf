tags = {
  Name        = "web-${var.env}"
  Environment = var.env
  "kubernetes.io/cluster/${var.cluster}" = "owned"
}
