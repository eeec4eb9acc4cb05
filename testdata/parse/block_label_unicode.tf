resource "ünïcödé" "名前" {
  v = 1
}
