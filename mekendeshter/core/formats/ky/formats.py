# Kyrgyz writes "2016-жылдын 1-августу": the year first, then the day and the month in its
# possessive form, in lower case. The month forms come from our catalogue ("alt. month").
DATE_FORMAT = r"Y-\ж\ы\л\д\ы\н j-E"
DATETIME_FORMAT = r"Y-\ж\ы\л\д\ы\н j-E, H:i"
YEAR_MONTH_FORMAT = r"Y-\ж\ы\л\д\ы\н E"
MONTH_DAY_FORMAT = r"j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
