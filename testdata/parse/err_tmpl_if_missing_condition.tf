a = "%{if}y%{endif}"
