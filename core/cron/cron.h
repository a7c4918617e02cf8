#pragma once

// The whole public API of the cron engine.
#include "crondescription.h"
#include "cronexpression.h"
#include "localtime.h"
