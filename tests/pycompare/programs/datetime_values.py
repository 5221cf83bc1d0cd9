"""datetime arithmetic and formatting on fixed values; now() is close to time.time()."""
import datetime
import time

d = datetime.datetime(2024, 2, 28, 23, 30)
print(d + datetime.timedelta(hours=1), d.isoformat(), d.strftime("%A %d %B %Y"))
print(datetime.date(2024, 3, 1) - datetime.date(2024, 2, 1))
print(datetime.datetime.fromtimestamp(0, datetime.timezone.utc))
now = datetime.datetime.now()
print("now near time.time():", abs(now.timestamp() - time.time()) < 5)
print("utcnow near time.time():", abs(datetime.datetime.now(datetime.timezone.utc).timestamp() - time.time()) < 5)
print("today is now's date:", datetime.date.today() == datetime.datetime.now().date())
