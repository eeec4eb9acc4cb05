a {
}
# between
b {
}
/* between */
c {
}
