a = "%{if a}A%{if b}B%{else}b%{endif}%{else}x%{endif}"
