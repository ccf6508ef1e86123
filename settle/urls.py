from django.urls import path

from settle import views

app_name = "settle"

urlpatterns = [path("", views.check, name="check")]
