network_tags = {
  Environment = "production"
}
