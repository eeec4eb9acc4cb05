/*
 * multi-line
 * block comment
 */
a = 1
