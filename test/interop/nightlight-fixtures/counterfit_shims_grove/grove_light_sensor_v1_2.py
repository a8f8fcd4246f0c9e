# Stand-in for counterfit_shims_grove.grove_light_sensor_v1_2: .light reads the sensor over HTTP.
from counterfit_connection import CounterFitConnection


class GroveLightSensor:
    def __init__(self, pin):
        self.__pin = pin

    @property
    def light(self):
        return CounterFitConnection.get_sensor_int_value(self.__pin)
