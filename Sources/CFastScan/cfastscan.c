#include "cfastscan.h"
