from django.urls import path

from calculator import views

app_name = "calculator"

urlpatterns = [
    path("", views.start, name="start"),
    path("restart/", views.restart, name="restart"),
    path("check/", views.check, name="check"),
    path("result/<str:token>/", views.result, name="result"),
    path("result/<str:token>/recompute/", views.recompute, name="recompute"),
    path("base/", views.base, name="base"),
    path("base/carry/", views.carry_tier, name="base_carry"),
    path("result/<str:token>/try/", views.try_change, name="try"),
    path("<slug:slug>/", views.step, name="step"),
]
