from django.urls import path, re_path

from reminders import views

app_name = "reminders"

urlpatterns = [
    path("renewal/remind/", views.subscribe, name="subscribe"),
    path("renewal/remind/done/", views.done, name="done"),
    path("renewal/remind/stop/", views.stop, name="stop"),
    path("renewal/remind/stop/done/", views.stopped, name="stopped"),
    # The link in every text: as short as it can be (reminders/texts.py counts its characters).
    re_path(r"^r/(?P<token>[2-9a-zA-Z]{8})$", views.manage, name="manage"),
]
