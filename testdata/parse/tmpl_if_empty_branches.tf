a = "%{if x}%{else}%{endif}"
b = "%{if x}%{endif}"
