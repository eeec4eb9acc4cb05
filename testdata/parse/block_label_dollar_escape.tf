lbl "$${not_interp}" "%%{not_directive}" "50%" "$" {
}
