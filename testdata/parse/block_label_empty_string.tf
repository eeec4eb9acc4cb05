empty "" {
}
