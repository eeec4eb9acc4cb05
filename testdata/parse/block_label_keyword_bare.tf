kw true false null for in {
}
