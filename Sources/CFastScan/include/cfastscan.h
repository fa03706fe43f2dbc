#ifndef CFASTSCAN_H
#define CFASTSCAN_H
#include <stdint.h>
#include <stddef.h>
#endif
