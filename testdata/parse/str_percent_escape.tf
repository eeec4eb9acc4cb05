a = "%%{if x}not a directive%%{endif}"
