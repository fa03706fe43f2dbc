// ReadStat (Debian: libreadstat-dev) reads SPSS .sav files for the KPI survey commands.
#include <readstat.h>
