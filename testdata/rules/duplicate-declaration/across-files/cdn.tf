module "cdn" {
  source = "./modules/cdn"
  bucket = "assets"
}
