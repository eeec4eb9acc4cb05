a = /* before value */ 1
b /* before equals */ = 2
/* before name */ c = 3
