from django.urls import path

from leads import views

app_name = "leads"

urlpatterns = [
    path("", views.consult, name="consult"),
    path("code/", views.request_code, name="request_code"),
    path("thanks/", views.thanks, name="thanks"),
]
