a = "${x ? "on" : "off"}"
