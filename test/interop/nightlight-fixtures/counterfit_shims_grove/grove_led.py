# Stand-in for counterfit_shims_grove.grove_led: on()/off() drive the LED over HTTP.
from counterfit_connection import CounterFitConnection


class GroveLed:
    def __init__(self, pin):
        self.__pin = pin

    def on(self):
        CounterFitConnection.set_actuator_boolean_value(self.__pin, True)

    def off(self):
        CounterFitConnection.set_actuator_boolean_value(self.__pin, False)
