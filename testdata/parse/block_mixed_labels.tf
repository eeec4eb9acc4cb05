mix "quoted" bare "again" other {
  v = 1
}
