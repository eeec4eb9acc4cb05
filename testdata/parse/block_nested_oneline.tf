outer {
  inner { x = 1 }
  other {}
}
