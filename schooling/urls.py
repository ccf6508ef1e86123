from django.urls import path

from schooling import views

app_name = "schooling"

urlpatterns = [path("", views.timeline_page, name="timeline")]
