a = "%{if var.on}enabled%{endif}"
